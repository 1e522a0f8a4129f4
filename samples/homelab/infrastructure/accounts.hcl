# Account-wide values merged into the inputs of every unit by root.hcl.
locals {
  aws_region = "us-east-2"
}
