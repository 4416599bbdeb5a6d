from eventwire.geo.geoparse import geoparse


def test_vietnamese_country_and_city_names():
    got = {p.text: p.place for p in geoparse("Thổ Nhĩ Kỳ triển khai vũ khí tới Idlib, miền Tây Bắc Syria.", "vi")}
    assert got["Thổ Nhĩ Kỳ"].country == "TUR"
    assert got["Idlib"].country == "SYR"
