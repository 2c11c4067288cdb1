import CCurl
import CYAML
import COpenSSL
