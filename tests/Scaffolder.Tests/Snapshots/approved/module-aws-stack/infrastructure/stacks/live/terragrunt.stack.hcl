# Live cluster stack: `terragrunt stack generate` copies each unit to .terragrunt-stack/<path>/.
locals {
  name     = basename(get_terragrunt_dir())
  features = ["secrets"]

  # Storage is provisioned by the platform, not here.
  storage_provisioning = false
}

// Secrets of the apps of this cluster.
unit "app_secrets" {
  source = "../../units/app-secrets"
  path   = "app-secrets"

  /* values reach the unit as values.<name> */
  values = {
    cluster = local.name
  }
}

unit "media_bucket" {
  source = "../../units/media-bucket"
  path   = "media-bucket"
}
