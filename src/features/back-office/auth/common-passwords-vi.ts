/**
 * Passwords common in Vietnam that the global breach list (mostly English) lacks or holds only in
 * part: "mật khẩu", love phrases, names and places, the office and this portal. Lowercase, without
 * diacritics (they are compared folded); a common word followed by a year or "@123" is caught by the
 * suffix rule in common-passwords.ts, so those need no entry of their own.
 */
export const VIETNAMESE_COMMON_PASSWORDS: readonly string[] = [
  'matkhau', 'matkhau1', 'matkhau12', 'matkhau123', 'matkhau@123', 'matkhau1234', 'matkhaumoi', 'doimatkhau',
  '123456a@', '123456a', '123456aa', '123456a@a', '12345678a', '123456789a', 'a123456', 'a12345678', 'a123456789',
  '123456@a', '123456@', '12345@', '1234@', 'abc@123', 'abc@1234', 'abc@12345', 'abcd@123', 'abcd@1234', 'a@123456',
  'anhyeuem', 'emyeuanh', 'yeuem', 'yeuanh', 'yeuemnhieu', 'anhyeuemnhieu', 'emyeuanhnhieu', 'iuem', 'iuanh',
  'tinhyeu', 'tinhyeucuatoi', 'tinhyeumaimai', 'maiyeuem', 'yeumaimai', 'yeunhau', 'hanhphuc', 'giadinh', 'bame', 'mebe',
  'vietnam', 'vietnamvodich', 'vietnam1975', 'hanoi', 'saigon', 'hochiminh', 'danang', 'haiphong', 'hue', 'cantho',
  'hatinh', 'nghean', 'honglinh', 'namhonglinh', 'bachonglinh', 'thixahonglinh',
  'quantri', 'quantri123', 'quantrivien', 'admin', 'admin123', 'admin@123', 'administrator', 'quanly', 'quanly123',
  'congthongtin', 'congthongtindientu', 'cong', 'ubnd', 'ubndphuong', 'ubndxa', 'phuong', 'xa', 'huyen', 'tinh',
  'congchuc', 'vienchuc', 'canbo', 'vanphong', 'bientap', 'phongvien', 'banbientap',
  'hocsinh', 'sinhvien', 'giaovien', 'bacsi', 'congan', 'bodoi',
  'conmeo', 'concho', 'meomeo', 'gaugau', 'conga', 'convit', 'motconvit', 'chimcanhcut', 'hoahong', 'hongnhung',
  'anhtrang', 'matroi', 'bautroi', 'biencanh', 'thienthan', 'congchua', 'hoangtu', 'sieunhan', 'banhmi', 'phobo',
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly',
  'nguyenvan', 'nguyenthi', 'tranvan', 'tranthi', 'levan', 'lethi', 'phamvan', 'phamthi',
  'anh', 'minh', 'huong', 'hoa', 'lan', 'mai', 'ngoc', 'linh', 'trang', 'thuy', 'hang', 'hung', 'dung', 'tuan', 'nam',
  'long', 'hai', 'quan', 'thanh', 'thao', 'trung', 'duc', 'son', 'phuong', 'quynh', 'nhung', 'hanh', 'yen', 'van', 'hien',
  'khanh', 'kien', 'cuong', 'thang', 'hieu', 'binh', 'tam', 'tien', 'phuc', 'loc', 'tho', 'an', 'khang', 'thinh', 'vinh',
  'hoanganh', 'tuananh', 'ngocanh', 'vananh', 'phuonganh', 'quanganh', 'ducanh', 'thuytrang', 'thuhuong', 'thuha',
  'qwe123', 'qwe@123', '1234qwer', 'qwer1234', 'asd123', 'zxc123', '147258369', '987654321', '0987654321', '0123456789',
  '11223344', '112233', '123123123', '123456123', '1234512345', '123654', '147258', '159357', '01011990', '01012000',
];
