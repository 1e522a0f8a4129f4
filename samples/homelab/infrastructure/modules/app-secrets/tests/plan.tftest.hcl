mock_provider "aws" {}

mock_provider "local" {}

mock_provider "random" {}

variables {
  name               = "lldap"
  ssm_parameter_path = "/homelab/kubernetes/live/lldap-secrets"
  local_backup_path  = "/tmp/lldap-secrets.json"
}

run "stores_in_ssm" {
  command = plan

  assert {
    condition     = aws_ssm_parameter.secrets.type == "SecureString"
    error_message = "SSM parameter should be SecureString type"
  }
}

run "rejects_foreign_path" {
  command = plan

  variables {
    ssm_parameter_path = "/other/path"
  }

  expect_failures = [var.ssm_parameter_path]
}
