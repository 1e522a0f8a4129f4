# Plan tests of the dns-records module, run with `tofu init && tofu test` in infrastructure/modules/dns-records.
# Every run only plans; the asserts pin the module's contract.

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
