# expect: none
resource "aws_key_pair" "deploy" {
  key_name   = "deploy"
  public_key = <<-EOT
    -----BEGIN PUBLIC KEY-----
    L/dxzBlvRMWMHXkF8b7mftdQ1FCkSoRDiBtNWwBoTEEqtIox9e8qmwlg1WIu4WoT
    0/1Qn6Gfzyac7yK4Jkc2yew+4wbB83mWOuoFaU2UwJisyCyDYGbAOKie
    -----END PUBLIC KEY-----
  EOT
}

