include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  # From the repository root, so the unit works from its own folder and from its copy in a stack.
  source = "${get_repo_root()}/infrastructure//modules/app-secrets"
}

inputs = {
  # Application name; the secret is stored under ssm_parameter_path.
  # type: string
  name = null # TODO: set

  # SSM parameter that receives the JSON SecureString,
  # e.g. "/homelab/kubernetes/live/<app>-secrets" (not a ${template}).
  # type: string
  ssm_parameter_path = null # TODO: set

  # Local JSON backup of the generated values "outside git"; ${HOME} is not expanded here.
  # type: string
  # sensitive: pass it from a secret source (an environment variable or a dependency), not as a literal here.
  local_backup_path = null # TODO: set

  # Optional inputs (uncomment to override the module's default):

  # Secrets to generate, by key: { length, special } // not a comment inside a string
  # type: map(object({
  #   length  = number # characters
  #   special = optional(bool, false) // symbols
  #   /* upper = bool */
  # }))
  # secrets = {
  #   password = {
  #     length = 32
  #   }
  # }

  # Extra tags of the SSM parameter.
  # type: map(string)
  # tags = null
}
