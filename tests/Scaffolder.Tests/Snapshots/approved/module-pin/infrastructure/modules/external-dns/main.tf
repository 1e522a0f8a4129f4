# Resources of the external-dns module; its inputs are in variables.tf and its outputs in outputs.tf.
