# Plan tests of the dns-records module: tofu -chdir=infrastructure/modules/dns-records init && tofu -chdir=infrastructure/modules/dns-records test
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
