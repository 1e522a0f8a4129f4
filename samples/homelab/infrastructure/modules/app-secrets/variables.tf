# Inputs of the app-secrets module.
// Every variable has a description and a type (STACK §6).
/*
   variable "commented_out" {
     type = string
   }
*/

variable "name" {
  description = "Application name; the secret is stored under ssm_parameter_path." # trailing comment
  type        = string
}

variable "ssm_parameter_path" {
  description = <<-EOT
    SSM parameter that receives the JSON SecureString,
    e.g. "/homelab/kubernetes/live/<app>-secrets" (not a ${template}).
  EOT
  type        = string

  validation {
    condition     = startswith(var.ssm_parameter_path, "/homelab/kubernetes/")
    error_message = "ssm_parameter_path must start with /homelab/kubernetes/ {not a block}."
  }
}

variable "local_backup_path" {
  description = "Local JSON backup of the generated values \"outside git\"; $${HOME} is not expanded here."
  type        = string
  sensitive   = true
}

variable "secrets" {
  description = "Secrets to generate, by key: { length, special } // not a comment inside a string"
  type = map(object({
    length  = number # characters
    special = optional(bool, false) // symbols
    /* upper = bool */
  }))
  default = {
    password = {
      length = 32
    }
  }
}

variable "tags" {
  description = "Extra tags of the SSM parameter."
  type        = map(string)
  default     = null
}
