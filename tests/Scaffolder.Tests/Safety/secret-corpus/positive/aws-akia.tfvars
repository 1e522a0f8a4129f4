# expect: SCF004@3
region            = "eu-central-1"
aws_access_key_id = "AKIAZ7QF3XKD4N2WLM5T"
