include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "../../../.././/modules/media-bucket"
}

inputs = {
  # Name of this media-bucket instance (a DNS-1123 label).
  # type: string
  name = "media-bucket"

  # Optional inputs (uncomment to override the module's default):

  # Extra tags of every resource; managed-by is always opentofu.
  # type: map(string)
  # tags = {}
}
