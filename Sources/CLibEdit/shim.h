#ifndef CLibEdit_SHIM_H
#define CLibEdit_SHIM_H
#include <histedit.h>
#include <stdio.h>
#include <locale.h>
#endif
