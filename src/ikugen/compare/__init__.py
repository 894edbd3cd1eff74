"""Two specs of one kecamatan compared: what an IKU Perubahan changed (`ikugen bandingkan`)."""
