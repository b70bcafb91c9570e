#!/usr/bin/env python3
"""Redraws the README's and docs/maps.md's current pictures ("after", and the cooperation view), and docs/site.md's
pictures of pages, from a built site.

Usage: scripts/readme-images.py SITE   (SITE: the output folder of `relmap build model`)

Each picture is the diagram's SVG drawn by headless Chromium at a fixed width, white behind it, so the pictures
change only when the diagrams do. The "before" pictures record earlier drawings and are left alone.
"""
import os
import sys
import tempfile

from playwright.sync_api import sync_playwright

HERE = os.path.dirname(os.path.abspath(__file__))
IMAGES = os.path.join(HERE, "..", "docs", "images")

# picture name -> (diagram, width in CSS pixels)
PICTURES = {
    "alliances-after": ("alliances", 1000),
    "deployments-after": ("deployments", 1000),
    "disputes-after": ("disputes", 1000),
    "cooperation": ("cooperation", 1000),
    "overview-2010-after": ("overview-2010", 1100),
    "focus-kyrgyzstan-after": ("focus-kyrgyzstan", 1100),
}

# picture name -> (page with its query, viewport width and height, what to do before the picture)
PAGES = {
    # The overview fitted to its frame with Kyrgyzstan's relations lit.
    "site-overview-highlight": ("views/overview.html?pin=kyrgyzstan", 1400, 1000, "fit"),
    # Kyrgyzstan's memberships as cards on a phone.
    "site-phone-cards": ("actors/kyrgyzstan.html#memberships", 390, 844, None),
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[2])
    diagrams = os.path.join(os.path.abspath(sys.argv[1]), "diagrams")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for name, (diagram, width) in PICTURES.items():
            svg = os.path.join(diagrams, f"{diagram}.svg")
            if not os.path.exists(svg):
                sys.exit(f"{svg}: no such diagram")
            with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8") as wrapper:
                wrapper.write(f'<html><body style="margin:0;background:#fff">'
                              f'<img src="file://{svg}" style="display:block;width:{width}px"></body></html>')
                wrapper.flush()
                page = browser.new_page(viewport={"width": width, "height": 600})
                page.goto(f"file://{wrapper.name}", wait_until="load")
                page.screenshot(path=os.path.join(IMAGES, f"{name}.png"), full_page=True)
                page.close()
        site = os.path.abspath(sys.argv[1])
        for name, (address, width, height, action) in PAGES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(f"file://{site}/{address}", wait_until="load")
            if action == "fit":
                page.get_by_role("button", name="Fit the diagram to its frame").first.click()
            page.wait_for_timeout(300)
            page.screenshot(path=os.path.join(IMAGES, f"{name}.png"))
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
