include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "../../../.././/modules/external-dns"
}

inputs = {
  # Name of this external-dns instance (a DNS-1123 label).
  # type: string
  name = "external-dns"
}
