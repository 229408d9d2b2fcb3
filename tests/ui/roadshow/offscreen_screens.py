"""Plug and unplug screens of Qt's offscreen platform while the app runs (tests only).

The offscreen platform reads its screens from a JSON file
(``QT_QPA_PLATFORM=offscreen:configfile=tests/ui/two-screens.json``) and can change them at
run time: its native interface has a ``setConfiguration`` resource that diffs the new screen
list against the old one and reports added and removed screens to Qt exactly as a real
platform does (``QGuiApplication.screenAdded``/``screenRemoved``, windows moved off a
removed screen). PySide6 does not wrap the native interface, so this module reaches it with
ctypes through exported Qt symbols:

1. ``QGuiApplication::platformNativeInterface()`` gives the plugin's native interface;
2. its virtual ``nativeResourceForIntegration(QByteArray)`` is found in the object's vtable
   at the slot where the exported base-class vtable holds the base implementation;
3. asking it for ``"setConfiguration"`` returns a function
   ``void (const QJsonObject &, QPlatformNativeInterface *)``;
4. the QJsonObject is made with ``QJsonDocument::fromJson(...).object()``.

Linux, Qt 6 (x86-64 Itanium C++ ABI), offscreen platform only.
"""

from __future__ import annotations

import ctypes
import json
import os
from typing import Any

from PySide6 import QtCore

_LIB = os.path.join(os.path.dirname(QtCore.__file__), "Qt", "lib")
_BUFFER = 64  # bytes: more than a QByteArray (24), QJsonDocument (8) or QJsonObject (8)


def _libraries() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    gui = ctypes.CDLL(os.path.join(_LIB, "libQt6Gui.so.6"))
    core = ctypes.CDLL(os.path.join(_LIB, "libQt6Core.so.6"))
    return gui, core


def _byte_array(core: ctypes.CDLL, data: bytes) -> Any:
    buffer = ctypes.create_string_buffer(_BUFFER)
    constructor = core._ZN10QByteArrayC1EPKcx  # QByteArray(const char *, qsizetype)
    constructor.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_longlong]
    constructor.restype = None
    constructor(buffer, data, len(data))
    return buffer


def _json_object(core: ctypes.CDLL, config: dict[str, Any]) -> Any:
    raw = _byte_array(core, json.dumps(config).encode("utf-8"))
    document = ctypes.create_string_buffer(_BUFFER)
    from_json = core._ZN13QJsonDocument8fromJsonERK10QByteArrayP15QJsonParseError
    from_json.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    from_json.restype = None
    from_json(document, raw, None)  # returned through the hidden result pointer
    result = ctypes.create_string_buffer(_BUFFER)
    to_object = core._ZNK13QJsonDocument6objectEv
    to_object.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    to_object.restype = None
    to_object(result, document)
    return result


def _resource(gui: ctypes.CDLL, core: ctypes.CDLL, name: bytes) -> tuple[int, int]:
    """(function pointer of the named integration resource, native interface pointer)."""
    native_interface = gui._ZN15QGuiApplication23platformNativeInterfaceEv
    native_interface.restype = ctypes.c_void_p
    interface = native_interface()
    if not interface:
        raise RuntimeError("no platform native interface (is a QGuiApplication running?)")
    base_vtable = ctypes.addressof(ctypes.c_void_p.in_dll(gui, "_ZTV24QPlatformNativeInterface"))
    base_function = ctypes.cast(
        gui._ZN24QPlatformNativeInterface28nativeResourceForIntegrationERK10QByteArray,
        ctypes.c_void_p,
    ).value
    slots = base_vtable + 16  # past offset-to-top and type info
    for index in range(64):
        if ctypes.c_void_p.from_address(slots + 8 * index).value == base_function:
            break
    else:
        raise RuntimeError("nativeResourceForIntegration not found in the vtable")
    vtable = ctypes.c_void_p.from_address(interface).value
    assert vtable is not None
    method = ctypes.c_void_p.from_address(vtable + 8 * index).value
    call = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(method)
    function = call(interface, _byte_array(core, name))
    if not function:
        raise RuntimeError(f"the platform has no {name.decode()} resource (not offscreen?)")
    return function, interface


def set_screens(config: dict[str, Any]) -> None:
    """Give the offscreen platform a new configuration (its ``"screens"`` list above all)."""
    gui, core = _libraries()
    function, interface = _resource(gui, core, b"setConfiguration")
    set_configuration = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)(function)
    set_configuration(_json_object(core, config), interface)
