from civcas.places.normalize import arabic_to_latin, fold_arabic, norm_key, skeleton


def test_latin_variants_share_a_norm_key():
    assert norm_key("Raqqa") == norm_key("Ar Raqqah") == norm_key("ar-Raqqa") == norm_key("al-Raqqah")
    assert norm_key("Baghouz") == norm_key("Baghuz")
    assert norm_key("Deir Ezzor") != norm_key("Mosul")


def test_arabic_folding():
    assert fold_arabic("إدلب") == fold_arabic("ادلب")
    assert fold_arabic("الرقّة") == fold_arabic("الرقه")
    assert fold_arabic("الـرقة") == fold_arabic("الرقة")       # tatweel
    assert fold_arabic("حمى") == fold_arabic("حمي")            # alef maqsura


def test_latin_and_arabic_meet_at_the_skeleton():
    assert skeleton("Manbij") == skeleton("منبج")
    assert skeleton("Deir ez-Zor") == skeleton("Dayr az Zawr") == skeleton("دير الزور")
    assert skeleton("Raqqa") == skeleton("الرقة")
    assert skeleton("Baghuz Fawqani") == skeleton("الباغوز الفوقاني") == skeleton("Baghouz Faqwani")
    assert skeleton("Tokhar") == skeleton("Tukhar") == skeleton("التوخار")


def test_arabic_to_latin_is_readable():
    assert arabic_to_latin("الرقة") == "al-rqa"
    assert arabic_to_latin("منبج") == "mnbj"
