# expect: SCF004@3
inputs = {
  gitlab_token = "glpat-y8qM3AsYaLcW4PDRiqgk"
}
