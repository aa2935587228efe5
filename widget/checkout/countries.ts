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

// Every inhabited country and territory of ISO 3166-1 with its ITU-T E.164 dial code, so a
// shopper from anywhere can give a phone: no names (Intl.DisplayNames gives them in the shopper's
// language), no formats. Each entry is the alpha-3 code and the dial code ("AFG93"), the alpha-2
// code first where the alpha-3 does not start with it ("AXALA358": AX, ALA). Where several share a
// dial code, the one a number with only that code means comes first (US for +1, GB for +44, …).
const TABLE =
  'USA1 RUS7 ITA39 GBR44 NOR47 AUS61 NZL64 MAR212 REU262 FIN358 GPGLP590 CWCUW599 AFG93 ' +
  'AXALA358 ALB355 DZA213 ASM1 ADAND376 AOAGO244 AIA1 AGATG1 ARG54 AMARM374 AWABW297 ' +
  'ATAUT43 AZE994 BSBHS1 BHR973 BDBGD880 BBBRB1 BYBLR375 BEL32 BZBLZ501 BJBEN229 BMU1 ' +
  'BTN975 BOL591 BQBES599 BABIH387 BWA267 BRA55 IOT246 VGB1 BNBRN673 BGR359 BFA226 BIBDI257 ' +
  'KHM855 CMR237 CAN1 CVCPV238 KYCYM1 CFCAF236 TDTCD235 CLCHL56 CNCHN86 CXR61 CCK61 COL57 ' +
  'KMCOM269 CGCOG242 CDCOD243 CKCOK682 CRI506 CIV225 HRV385 CUB53 CYP357 CZE420 DKDNK45 ' +
  'DJI253 DMA1 DOM1 ECU593 EGY20 SVSLV503 GQGNQ240 ERI291 EEEST372 SZSWZ268 ETH251 FKFLK500 ' +
  'FOFRO298 FJI679 FRA33 GFGUF594 PFPYF689 GAB241 GMB220 GEO995 DEU49 GHA233 GIB350 GRC30 ' +
  'GLGRL299 GDGRD1 GUM1 GTM502 GGY44 GNGIN224 GWGNB245 GYGUY592 HTI509 VAT39 HND504 HKG852 ' +
  'HUN36 ISL354 IND91 IDN62 IRN98 IQIRQ964 IEIRL353 IMN44 ILISR972 JMJAM1 JPN81 JEY44 ' +
  'JOR962 KZKAZ7 KEN254 KIR686 KWT965 KGZ996 LAO856 LVA371 LBN961 LSO266 LRLBR231 LYLBY218 ' +
  'LIE423 LTU370 LUX352 MOMAC853 MGMDG261 MWI265 MYS60 MVMDV960 MLI223 MTMLT356 MHL692 ' +
  'MQMTQ596 MRT222 MUS230 YTMYT262 MXMEX52 FMFSM691 MDA373 MCO377 MNG976 MEMNE382 MSR1 ' +
  'MZMOZ258 MMR95 NAM264 NRU674 NPL977 NLD31 NCL687 NIC505 NER227 NGA234 NUNIU683 NFK672 ' +
  'KPPRK850 MKD389 MPMNP1 OMN968 PKPAK92 PWPLW680 PSE970 PAN507 PGPNG675 PYPRY595 PER51 ' +
  'PHL63 PNPCN64 PLPOL48 PTPRT351 PRI1 QAT974 ROU40 RWA250 BLM590 SHN290 KNA1 LCA1 MFMAF590 ' +
  'PMSPM508 VCT1 WSM685 SMR378 STP239 SAU966 SNSEN221 RSSRB381 SCSYC248 SLE232 SGP65 SXM1 ' +
  'SKSVK421 SISVN386 SBSLB677 SOM252 ZAF27 KRKOR82 SSD211 ESP34 LKA94 SDN249 SRSUR597 SJM47 ' +
  'SESWE46 CHE41 SYR963 TWN886 TJK992 TZA255 THA66 TLS670 TGO228 TKL690 TON676 TTO1 ' +
  'TNTUN216 TRTUR90 TMTKM993 TCA1 TVTUV688 UGA256 UAUKR380 AEARE971 UYURY598 VIR1 UZB998 ' +
  'VUT678 VEN58 VNM84 WFWLF681 EHESH212 YEM967 ZMB260 ZWE263';

/** Every country and territory, with its dial code: the main one of a shared dial code first. */
export const COUNTRIES: readonly Country[] = TABLE.split(' ').map((entry) => {
  const [, letters = '', dial] = /([A-Z]+)(\d+)/.exec(entry) ?? [];
  return { region: letters.slice(0, 2), code: letters.slice(-3), dialCode: `+${dial}` };
});

/** The country a dial code stands for (the main one of a shared code), if any. */
export function countryOfDialCode(dialCode: string): Country | undefined {
  return COUNTRIES.find((c) => c.dialCode === dialCode);
}
