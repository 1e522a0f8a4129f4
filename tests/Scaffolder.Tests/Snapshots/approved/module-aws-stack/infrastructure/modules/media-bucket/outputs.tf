output "name" {
  description = "Name of this instance, as given in var.name."
  value       = var.name
}

output "tags" {
  description = "Tags of every resource: var.tags plus managed-by."
  value       = local.tags
}
