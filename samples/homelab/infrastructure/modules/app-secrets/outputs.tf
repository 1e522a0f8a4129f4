output "parameter_name" {
  description = "Name of the SSM parameter holding the secrets."
  value       = aws_ssm_parameter.secrets.name
}
