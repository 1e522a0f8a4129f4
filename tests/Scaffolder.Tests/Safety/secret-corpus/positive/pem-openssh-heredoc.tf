# expect: SCF004@5
resource "tls_private_key_import" "deploy" {
  name        = "deploy"
  private_key = <<-EOT
    -----BEGIN OPENSSH PRIVATE KEY-----
    DaX14f2MugqzpvQ7qoLGhQi9xiK5Bo2qk/1SwQsmYmseR0ufdHAd34c+NkktTN5i
    FP7F2C9bQJoTKxxSPxMLp1Y57VI2XGW3Zbg93qbI0YHkd/cMWVRcTbMe5BHhB+fg
    C6zKSxhI/lnEUAICudRgwtGq9VKhwGGJbAKnooasUfqMKvsXTNsq1JbaAixENMCN
    Ot7igynlvDES/JltIYSOvWnajumizfI8F0qXG0O0wH+EEeP0DSwpEW7t8CmUr15F
    PV+FrFRTcvJygIQfcVKaIMTjbDLV8KAexHbt9mSEUj2iz1VG8PD8ibwy/qhTrzC8
    wjlH/5CpxVugDqJo6j+R6b259mVZuGBhmZZ9INcFayRpPHk4kjNiAIgZ2iyPoATU
    s1wGZ1tyNGs+iKXEzw0i2TiKS9u6Cw0b2sVSvrtEt72CSFNQTUw4P1GeMf7T7Qcd
    eNhHeQJ7tnsv9Mbbq/MVcRnnehNcZSOFKqktrSjYnSXkfU9YnN2mNttUF/4+UB2R
    FKsYNGHPVnVr3YToLnrvAXLLM2XQLJO6q3+IqXETzdXcI08rJB1ihjPD+oFjMv3l
    lSDyQEgi999BDF4XJjmkehtxibJXu9CNUuDgWwFDLtx4T4U7OsIvcQFOFbUrnKLi
    ZJ9o96xAv7VxjkEL1txeFpaNPOS/83/AlJbNEIP3pG3nt5zouCy4anfdgrsIix+u
    uNEQ35x1rqzxN1/5NL1kivkWQ63X4JPXT6BOXVC0jx99qRJYG9rZYk2/PTmL4cuC
    CsjHX8IFvjqkqkARYGkKdpYyZnt38aQ+
    -----END OPENSSH PRIVATE KEY-----
  EOT
}
