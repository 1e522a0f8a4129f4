# expect: SCF004@3
inputs = {
  github_token = "gho_zRcFIEZmIlePlSlqZPGiSNXkQG3usJIiTEUN"
}
