# expect: none
include "root" {
  path = find_in_parent_folders("root.hcl")
}

inputs = {
  token_ssm_path   = "/homelab/kubernetes/live/api-secrets"
  password_length  = 32
  secret_rotation  = "720h"
}
