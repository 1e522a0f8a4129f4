# Validation tests of the media-bucket module: valid input is accepted, invalid input fails its validation rule.

mock_provider "aws" {}

mock_provider "random" {}

variables {
  region = "us-east-2"
}

run "accepts_a_dns_label" {
  command = plan

  variables {
    name = "app-1"
  }

  assert {
    condition     = output.name == "app-1"
    error_message = "a DNS-1123 label should be accepted as name"
  }
}

run "rejects_uppercase_and_underscores" {
  command = plan

  variables {
    name = "Not_A_Label"
  }

  expect_failures = [var.name]
}

run "rejects_names_over_63_characters" {
  command = plan

  variables {
    name = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
  }

  expect_failures = [var.name]
}
