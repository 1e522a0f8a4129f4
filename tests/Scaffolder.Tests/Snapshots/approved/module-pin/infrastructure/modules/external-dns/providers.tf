provider "github" {}
