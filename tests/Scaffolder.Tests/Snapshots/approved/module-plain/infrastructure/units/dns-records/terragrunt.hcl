include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  # From the repository root, so the unit works from its own folder and from its copy in a stack.
  source = "${get_repo_root()}/infrastructure//modules/dns-records"
}

inputs = {
  # Name of this dns-records instance (a DNS-1123 label).
  # type: string
  name = "dns-records"
}
