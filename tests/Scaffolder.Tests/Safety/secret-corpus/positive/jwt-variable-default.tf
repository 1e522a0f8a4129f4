# expect: SCF004@5
variable "grafana_token" {
  type      = string
  sensitive = true
  default   = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJncmFmYW5hLXNhIiwiaWF0IjoxNzM1Njg5NjAwLCJyb2xlIjoiYWRtaW4ifQ.32AzT9JYTKJx3saOTDNdYVLzYuH4Mghm4xM03m-cdFg"
}
