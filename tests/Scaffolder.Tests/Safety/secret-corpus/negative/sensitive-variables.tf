# expect: none
variable "github_token" {
  description = "GitHub token read from the environment (TF_VAR_github_token)"
  type        = string
  sensitive   = true
}

variable "aws_secret_access_key" {
  type      = string
  sensitive = true
  nullable  = false
}

variable "jwt_signing_key_ssm_path" {
  type    = string
  default = "/homelab/shared/jwt-signing-key"
}

data "aws_ssm_parameter" "slack_token" {
  name            = "/homelab/shared/slack-token"
  with_decryption = true
}
