# expect: SCF004@2
stripe_key = "rk_live_mpnfqq1fqFlqat6DoxpY4UAhWo3ahvVgCS"
