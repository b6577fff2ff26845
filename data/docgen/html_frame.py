"""The help-center page frame: head, header, nav, sidebar and footer repeated on every HTML page.

It imitates a page exported from a hosted help center, so it carries the boilerplate an ingester
has to strip (navigation, sidebar, footer) and <script>/<style> content that must never be indexed.
"""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
import html

from company_facts import COMPANY, SHORT

STYLE = """
  body { font-family: "Source Sans Pro", Arial, sans-serif; margin: 0; color: #1d2b36; }
  .site-header { background: #12394f; color: #fff; padding: 12px 32px; }
  .site-header .logo { font-weight: 700; letter-spacing: 0.04em; }
  nav.main-menu ul { list-style: none; display: flex; gap: 24px; margin: 0; padding: 8px 32px; }
  nav.main-menu a { color: #12394f; text-decoration: none; }
  .layout { display: grid; grid-template-columns: 1fr 280px; gap: 32px; padding: 24px 32px; }
  aside.sidebar { border-left: 1px solid #d5dde3; padding-left: 24px; font-size: 0.9em; }
  article table { border-collapse: collapse; }
  article td, article th { border: 1px solid #c3ccd3; padding: 4px 10px; text-align: left; }
  .updated { color: #61717d; font-size: 0.85em; }
  footer.site-footer { background: #f1f4f6; padding: 20px 32px; font-size: 0.8em; color: #61717d; }
"""

SCRIPT_HEAD = """
  window.dataLayer = window.dataLayer || [];
  function gtag(){ dataLayer.push(arguments); }
  gtag('js', new Date());
  gtag('config', 'HC-TRACKING-00417', { anonymize_ip: true });
"""

SCRIPT_BODY = """
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('hc-search');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var q = document.getElementById('hc-query').value;
      window.location.href = '/hc/en-us/search?query=' + encodeURIComponent(q);
    });
    var votes = document.querySelectorAll('.article-vote button');
    votes.forEach(function (b) { b.addEventListener('click', function () {
      gtag('event', 'article_vote', { value: b.dataset.vote }); }); });
  });
"""

MENU = [
    ("Home", "/hc/en-us"),
    ("Orders &amp; Shipping", "/hc/en-us/categories/orders"),
    ("Returns", "/hc/en-us/categories/returns"),
    ("Warranty", "/hc/en-us/categories/warranty"),
    ("My Account", "/hc/en-us/categories/account"),
    ("Products", "/hc/en-us/categories/products"),
    ("Contact Us", "/hc/en-us/articles/contact-us"),
]

POPULAR = [
    "Shipping options and delivery times",
    "Tracking your order",
    "Resetting your password",
    "Contact us",
    "Gift cards",
]


def page(doc, article_html: str) -> str:
    menu = "\n".join(f'      <li><a href="{href}">{label}</a></li>' for label, href in MENU)
    popular = "\n".join(
        f'      <li><a href="/hc/en-us/articles/{i + 101}">{html.escape(t)}</a></li>'
        for i, t in enumerate(POPULAR)
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{html.escape(doc.title)} | {SHORT} Help Center</title>
  <style>{STYLE}</style>
  <script>{SCRIPT_HEAD}</script>
</head>
<body>
<header class="site-header">
  <span class="logo">{SHORT.upper()} Help Center</span>
  <form id="hc-search" role="search"><input id="hc-query" type="search" placeholder="Search the help center"></form>
  <a class="sign-in" href="/hc/en-us/signin">Sign in</a>
</header>
<nav class="main-menu" aria-label="Main menu">
  <ul>
{menu}
  </ul>
</nav>
<div class="layout">
<main>
<article>
{article_html}
</article>
<div class="article-vote">Was this article helpful? <button data-vote="up">Yes</button> <button data-vote="down">No</button></div>
</main>
<aside class="sidebar">
  <h3>Popular articles</h3>
  <ul>
{popular}
  </ul>
  <h3>Still need help?</h3>
  <p>Our support team is happy to help. <a href="/hc/en-us/requests/new">Submit a request</a></p>
</aside>
</div>
<footer class="site-footer">
  <p>&copy; 2024 {COMPANY}. All rights reserved.</p>
  <p><a href="/privacy">Privacy</a> | <a href="/terms">Terms of Sale</a> | <a href="/accessibility">Accessibility</a> | <a href="/cookies">Cookie settings</a> | <a href="/careers">Careers</a></p>
</footer>
<script>{SCRIPT_BODY}</script>
</body>
</html>
"""
