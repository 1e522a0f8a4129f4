# Plan tests of the external-dns module: tofu -chdir=infrastructure/modules/external-dns init && tofu -chdir=infrastructure/modules/external-dns test
# Every run only plans, against mocked providers; the asserts pin the module's contract.

mock_provider "github" {}

variables {
  name = "example"
}

run "passes_name_through" {
  command = plan

  assert {
    condition     = output.name == var.name
    error_message = "output name should equal var.name"
  }
}
