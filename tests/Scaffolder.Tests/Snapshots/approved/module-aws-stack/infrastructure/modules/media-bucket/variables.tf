variable "name" {
  description = "Name of this media-bucket instance (a DNS-1123 label)."
  type        = string

  validation {
    condition     = length(var.name) <= 63 && can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.name))
    error_message = "name must be a DNS-1123 label: at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit."
  }
}

variable "tags" {
  description = "Extra tags of every resource; managed-by is always opentofu."
  type        = map(string)
  default     = {}
}

variable "region" {
  description = "Region of the aws provider, e.g. us-east-2."
  type        = string
}
