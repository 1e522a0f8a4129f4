# expect: SCF004@3
variable "slack_token" {
  default = "xoxp-2417536489-2417536490-7391846250183-bf0bc65bfc54d5f667b388b3f9c6ad09"
}
