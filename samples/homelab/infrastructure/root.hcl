# Root Terragrunt configuration: every unit includes it with find_in_parent_folders("root.hcl").
locals {
  accounts = read_terragrunt_config(find_in_parent_folders("accounts.hcl"))
}

remote_state {
  backend = "s3"
  config = {
    bucket         = "homelab-terragrunt-remote-state"
    key            = "${path_relative_to_include()}/tofu.tfstate"
    region         = "us-east-2"
    encrypt        = true
    dynamodb_table = "terragrunt"
  }
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
}

inputs = local.accounts.locals
