# Resources of the media-bucket module; its inputs are in variables.tf and its outputs in outputs.tf.

locals {
  # Tags of every resource: var.tags plus managed-by, which var.tags cannot override.
  tags = merge(var.tags, { managed-by = "opentofu" })
}

resource "aws_s3_bucket" "this" {
  # TODO: set the arguments of this aws_s3_bucket (see the aws provider documentation).

  tags = local.tags
}
