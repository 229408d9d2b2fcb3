"""Roadshow mode: the audience display on the projector, the presenter console on the laptop.

* :mod:`.audience` — the audience display, built only from public slides;
* :mod:`.console` — the presenter console (current/next patent, notes, countdown, capture);
* :mod:`.controller` — runs a session: keys, the slot clock, screens, saved slot times;
* :mod:`.screens` — which screen each window goes to, and putting it there;
* :mod:`.page` — the workflow page that picks a session and starts the show;
* :mod:`.qr_image` — QR codes as cached pixmaps; :mod:`.look` — themes and text sizes.
"""
