# Plan tests of the media-bucket module: tofu -chdir=infrastructure/modules/media-bucket init && tofu -chdir=infrastructure/modules/media-bucket test
# Every run only plans, against mocked providers; the asserts pin the module's contract.

mock_provider "aws" {}

mock_provider "random" {}

variables {
  name   = "example"
  region = "us-east-2"
}

run "passes_name_through" {
  command = plan

  assert {
    condition     = output.name == var.name
    error_message = "output name should equal var.name"
  }
}

run "keeps_managed_by_tag" {
  command = plan

  variables {
    tags = {
      managed-by = "someone-else"
      team       = "platform"
    }
  }

  assert {
    condition     = output.tags["managed-by"] == "opentofu"
    error_message = "var.tags must not override the managed-by tag"
  }

  assert {
    condition     = output.tags["team"] == "platform"
    error_message = "output tags should include var.tags"
  }
}

run "tags_aws_s3_bucket" {
  command = plan

  variables {
    tags = {
      team = "platform"
    }
  }

  assert {
    condition     = aws_s3_bucket.this.tags["managed-by"] == "opentofu"
    error_message = "aws_s3_bucket.this should be tagged managed-by = opentofu"
  }

  assert {
    condition     = aws_s3_bucket.this.tags["team"] == "platform"
    error_message = "aws_s3_bucket.this should carry var.tags"
  }

  assert {
    condition     = aws_s3_bucket.this.tags["Name"] == var.name
    error_message = "aws_s3_bucket.this should be named after var.name"
  }
}
