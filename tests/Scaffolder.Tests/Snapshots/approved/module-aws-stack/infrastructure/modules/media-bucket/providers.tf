provider "aws" {}

provider "random" {}
