import CCurl
import COpenSSL
import CYAML
