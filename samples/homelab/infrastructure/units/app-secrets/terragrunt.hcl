include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "${get_repo_root()}/infrastructure//modules/app-secrets"
}

inputs = {
  name               = "miniflux"
  ssm_parameter_path = "/homelab/kubernetes/live/miniflux-secrets"
  local_backup_path  = pathexpand("~/.secrets/homelab/miniflux-secrets.json")
}
