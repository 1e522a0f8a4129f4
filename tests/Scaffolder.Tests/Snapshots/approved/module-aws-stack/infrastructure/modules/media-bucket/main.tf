# Resources of the media-bucket module; its inputs are in variables.tf and its outputs in outputs.tf.

locals {
  # Tags of every resource: Name = var.name (var.tags may override it), var.tags, and managed-by, which var.tags cannot override.
  tags = merge({ Name = var.name }, var.tags, { managed-by = "opentofu" })
}

resource "aws_s3_bucket" "this" {
  # TODO: set the arguments of this aws_s3_bucket (see the aws provider documentation);
  # name it after var.name.

  tags = local.tags
}
