include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "../../../.././/modules/dns-records"
}

inputs = {
  # Name of this dns-records instance (a DNS-1123 label).
  # type: string
  name = "dns-records"
}
