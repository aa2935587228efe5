/**
 * Every country and territory a shopper may live in or phone from, with its dial code: the
 * customer form's country and dial-code lists (issue 11, item 1). Kept out of shared/phone.ts so
 * the cart session, which checks phones, does not carry the table to pages that never show the
 * form; the phone rules themselves (splitting a +code, the trunk prefix) stay there.
 */

/** A country or territory a customer may live in or phone from. */
export interface Country {
  /** ISO 3166-1 alpha-2, the code `Intl.DisplayNames` names (`GB`). */
  region: string;
  /** ISO 3166-1 alpha-3, the code Resmark stores for a customer's country (`GBR`). */
  code: string;
  /** Its international dial code (`+44`). */
  dialCode: string;
}

// Every inhabited country and territory of ISO 3166-1 with its ITU-T E.164 dial code ("region
// alpha-3 code"), so a shopper from anywhere can give a phone: no names (Intl.DisplayNames gives
// them in the shopper's language), no formats.
const TABLE =
  'AF AFG 93|AX ALA 358|AL ALB 355|DZ DZA 213|AS ASM 1|AD AND 376|AO AGO 244|AI AIA 1|' +
  'AG ATG 1|AR ARG 54|AM ARM 374|AW ABW 297|AU AUS 61|AT AUT 43|AZ AZE 994|BS BHS 1|' +
  'BH BHR 973|BD BGD 880|BB BRB 1|BY BLR 375|BE BEL 32|BZ BLZ 501|BJ BEN 229|BM BMU 1|' +
  'BT BTN 975|BO BOL 591|BQ BES 599|BA BIH 387|BW BWA 267|BR BRA 55|IO IOT 246|VG VGB 1|' +
  'BN BRN 673|BG BGR 359|BF BFA 226|BI BDI 257|KH KHM 855|CM CMR 237|CA CAN 1|CV CPV 238|' +
  'KY CYM 1|CF CAF 236|TD TCD 235|CL CHL 56|CN CHN 86|CX CXR 61|CC CCK 61|CO COL 57|' +
  'KM COM 269|CG COG 242|CD COD 243|CK COK 682|CR CRI 506|CI CIV 225|HR HRV 385|CU CUB 53|' +
  'CW CUW 599|CY CYP 357|CZ CZE 420|DK DNK 45|DJ DJI 253|DM DMA 1|DO DOM 1|EC ECU 593|' +
  'EG EGY 20|SV SLV 503|GQ GNQ 240|ER ERI 291|EE EST 372|SZ SWZ 268|ET ETH 251|FK FLK 500|' +
  'FO FRO 298|FJ FJI 679|FI FIN 358|FR FRA 33|GF GUF 594|PF PYF 689|GA GAB 241|GM GMB 220|' +
  'GE GEO 995|DE DEU 49|GH GHA 233|GI GIB 350|GR GRC 30|GL GRL 299|GD GRD 1|GP GLP 590|' +
  'GU GUM 1|GT GTM 502|GG GGY 44|GN GIN 224|GW GNB 245|GY GUY 592|HT HTI 509|VA VAT 39|' +
  'HN HND 504|HK HKG 852|HU HUN 36|IS ISL 354|IN IND 91|ID IDN 62|IR IRN 98|IQ IRQ 964|' +
  'IE IRL 353|IM IMN 44|IL ISR 972|IT ITA 39|JM JAM 1|JP JPN 81|JE JEY 44|JO JOR 962|' +
  'KZ KAZ 7|KE KEN 254|KI KIR 686|KW KWT 965|KG KGZ 996|LA LAO 856|LV LVA 371|LB LBN 961|' +
  'LS LSO 266|LR LBR 231|LY LBY 218|LI LIE 423|LT LTU 370|LU LUX 352|MO MAC 853|MG MDG 261|' +
  'MW MWI 265|MY MYS 60|MV MDV 960|ML MLI 223|MT MLT 356|MH MHL 692|MQ MTQ 596|MR MRT 222|' +
  'MU MUS 230|YT MYT 262|MX MEX 52|FM FSM 691|MD MDA 373|MC MCO 377|MN MNG 976|ME MNE 382|' +
  'MS MSR 1|MA MAR 212|MZ MOZ 258|MM MMR 95|NA NAM 264|NR NRU 674|NP NPL 977|NL NLD 31|' +
  'NC NCL 687|NZ NZL 64|NI NIC 505|NE NER 227|NG NGA 234|NU NIU 683|NF NFK 672|KP PRK 850|' +
  'MK MKD 389|MP MNP 1|NO NOR 47|OM OMN 968|PK PAK 92|PW PLW 680|PS PSE 970|PA PAN 507|' +
  'PG PNG 675|PY PRY 595|PE PER 51|PH PHL 63|PN PCN 64|PL POL 48|PT PRT 351|PR PRI 1|' +
  'QA QAT 974|RE REU 262|RO ROU 40|RU RUS 7|RW RWA 250|BL BLM 590|SH SHN 290|KN KNA 1|' +
  'LC LCA 1|MF MAF 590|PM SPM 508|VC VCT 1|WS WSM 685|SM SMR 378|ST STP 239|SA SAU 966|' +
  'SN SEN 221|RS SRB 381|SC SYC 248|SL SLE 232|SG SGP 65|SX SXM 1|SK SVK 421|SI SVN 386|' +
  'SB SLB 677|SO SOM 252|ZA ZAF 27|KR KOR 82|SS SSD 211|ES ESP 34|LK LKA 94|SD SDN 249|' +
  'SR SUR 597|SJ SJM 47|SE SWE 46|CH CHE 41|SY SYR 963|TW TWN 886|TJ TJK 992|TZ TZA 255|' +
  'TH THA 66|TL TLS 670|TG TGO 228|TK TKL 690|TO TON 676|TT TTO 1|TN TUN 216|TR TUR 90|' +
  'TM TKM 993|TC TCA 1|TV TUV 688|UG UGA 256|UA UKR 380|AE ARE 971|GB GBR 44|US USA 1|' +
  'UY URY 598|VI VIR 1|UZ UZB 998|VU VUT 678|VE VEN 58|VN VNM 84|WF WLF 681|EH ESH 212|' +
  'YE YEM 967|ZM ZMB 260|ZW ZWE 263';

/** Every country and territory, with its dial code, in ISO 3166-1 alpha-2 order of the table. */
export const COUNTRIES: readonly Country[] = TABLE.split('|').map((entry) => {
  const [region = '', code = '', dial = ''] = entry.split(' ');
  return { region, code, dialCode: `+${dial}` };
});

// The country a dial code shared by several means when a number says only the code.
const MAIN: Record<string, string> = {
  '+1': 'US',
  '+7': 'RU',
  '+39': 'IT',
  '+44': 'GB',
  '+47': 'NO',
  '+61': 'AU',
  '+64': 'NZ',
  '+212': 'MA',
  '+262': 'RE',
  '+358': 'FI',
  '+590': 'GP',
  '+599': 'CW',
};

/** The country a dial code stands for (the main one of a shared code), if any. */
export function countryOfDialCode(dialCode: string): Country | undefined {
  const region = MAIN[dialCode];
  return COUNTRIES.find((c) => c.dialCode === dialCode && (!region || c.region === region));
}
