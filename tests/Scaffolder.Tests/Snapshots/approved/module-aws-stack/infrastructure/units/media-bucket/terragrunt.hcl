include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  # From the repository root, so the unit works from its own folder and from its copy in a stack.
  source = "${get_repo_root()}/infrastructure//modules/media-bucket"
}

inputs = {
  # Name of this media-bucket instance (a DNS-1123 label).
  # type: string
  name = "media-bucket"

  # Region of the aws provider, e.g. us-east-2.
  # type: string
  region = null # TODO: set

  # Optional inputs (uncomment to override the module's default):

  # Extra tags of every resource; managed-by is always opentofu.
  # type: map(string)
  # tags = {}
}
