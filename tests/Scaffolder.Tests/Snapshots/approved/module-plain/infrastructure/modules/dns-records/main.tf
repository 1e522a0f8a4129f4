# Resources of the dns-records module; its inputs are in variables.tf and its outputs in outputs.tf.
