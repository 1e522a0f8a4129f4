# expect: SCF004@3 SCF004@4
provider "aws" {
  access_key = "AKIAR5TW2ZQ8MNB4KX7D"
  secret_key = "ePl6pEB4N1UbDoQZE2FQEWeMI897bgW7Dw8XunH4"
  region     = "eu-central-1"
}
