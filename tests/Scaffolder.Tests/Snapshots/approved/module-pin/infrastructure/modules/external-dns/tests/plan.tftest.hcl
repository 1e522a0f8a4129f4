# Plan tests of the external-dns module, run with `tofu init && tofu test` in infrastructure/modules/external-dns.
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
