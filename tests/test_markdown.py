from tracker.guide.markdown import render_markdown


def test_formatting_survives():
    html = render_markdown("Some **bold** and *soft* words.\n\n- one\n- two\n\n### Heading")
    assert "<strong>bold</strong>" in html and "<em>soft</em>" in html
    assert "<li>one</li>" in html and "<h3>Heading</h3>" in html


def test_script_tags_are_removed():
    html = render_markdown("Hello <script>alert('x')</script> world")
    assert "<script" not in html and "alert(" not in html


def test_javascript_links_lose_their_target():
    html = render_markdown("[click](javascript:alert(1)) <a href='JaVaScRiPt:alert(2)'>x</a>")
    assert "javascript" not in html.lower()


def test_event_handlers_and_images_are_removed():
    html = render_markdown('<img src=x onerror="alert(1)"> <p onclick="steal()">text</p>')
    assert "onerror" not in html and "onclick" not in html and "<img" not in html


def test_ordinary_links_are_kept_and_marked_noopener():
    html = render_markdown("[NHS](https://www.nhs.uk/)")
    assert 'href="https://www.nhs.uk/"' in html and "noopener" in html
