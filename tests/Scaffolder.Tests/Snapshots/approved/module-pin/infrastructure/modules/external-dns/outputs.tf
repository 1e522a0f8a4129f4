output "name" {
  description = "Name of this instance, as given in var.name."
  value       = var.name
}
