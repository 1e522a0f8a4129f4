resource "random_password" "this" {
  for_each = var.secrets

  length  = each.value.length
  special = each.value.special
}

resource "aws_ssm_parameter" "secrets" {
  name  = var.ssm_parameter_path
  type  = "SecureString"
  value = jsonencode({ for k, p in random_password.this : k => p.result })

  tags = merge(coalesce(var.tags, {}), {
    managed-by = "opentofu"
    app        = var.name
  })
}

resource "local_sensitive_file" "backup" {
  filename = var.local_backup_path
  content  = aws_ssm_parameter.secrets.value
}
